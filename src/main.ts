import 'reflect-metadata';
import { start } from './bootstrap';

void start();
