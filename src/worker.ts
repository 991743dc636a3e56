import 'reflect-metadata';
import './config/worker-role';
import { start } from './bootstrap';

void start();
