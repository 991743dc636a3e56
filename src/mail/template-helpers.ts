import { count } from '../reports/format';

/** Handlebars helpers of the HTML and the text templates: `{{count seats "seat"}}` → "3 seats". */
export const TEMPLATE_HELPERS = { count };
