import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Handlebars from 'handlebars';
import { TEMPLATE_HELPERS } from './template-helpers';

/**
 * `templates/` at the project root, found by walking up from this file: the same directory from
 * ts-jest (src/mail) and from the build (dist/src/mail), and `nest build` need not copy assets.
 */
export function findTemplatesDir(from = __dirname): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, 'templates');
    if (existsSync(join(dir, 'package.json')) && existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) throw new Error(`No templates/ directory above ${from}`);
  }
}

/**
 * The plain-text part of each email (`<name>.txt` inside `layout.txt`). The HTML part
 * is rendered by the mailer's Handlebars adapter from `<name>.hbs` inside `layout.hbs`.
 */
export class TextTemplates {
  private readonly hbs = Handlebars.create();
  private readonly compiled = new Map<string, Handlebars.TemplateDelegate>();

  constructor(private readonly dir: string) {
    this.hbs.registerHelper(TEMPLATE_HELPERS);
  }

  render(name: string, context: Record<string, unknown>): string {
    const body = this.template(name)(context).trim();
    return `${this.template('layout')({ ...context, body }).trim()}\n`;
  }

  private template(name: string): Handlebars.TemplateDelegate {
    let template = this.compiled.get(name);
    if (!template) {
      const source = readFileSync(join(this.dir, `${name}.txt`), 'utf8');
      template = this.hbs.compile(source, { noEscape: true });
      this.compiled.set(name, template);
    }
    return template;
  }
}
