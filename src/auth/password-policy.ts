import { registerDecorator, ValidationOptions } from 'class-validator';

export const PASSWORD_MIN_LENGTH = 10;
/** argon2 would hash anything; the cap keeps a huge body from buying a long hash. */
export const PASSWORD_MAX_LENGTH = 128;

export const PASSWORD_RULE =
  `password must be ${PASSWORD_MIN_LENGTH}-${PASSWORD_MAX_LENGTH} characters and mix at least ` +
  'two kinds of character: lower-case letters, upper-case letters, digits, others (spaces, symbols)';

const CLASSES = [/\p{Ll}/u, /\p{Lu}/u, /\p{Nd}/u, /[^\p{Ll}\p{Lu}\p{Nd}]/u];

/** True when the password meets the policy: long enough and not all one class of character. */
export function meetsPasswordPolicy(password: unknown): password is string {
  if (typeof password !== 'string') return false;
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH || length > PASSWORD_MAX_LENGTH) return false;
  return CLASSES.filter((re) => re.test(password)).length >= 2;
}

/** class-validator decorator; the 400 explains the rule. */
export function MeetsPasswordPolicy(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'meetsPasswordPolicy',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: PASSWORD_RULE, ...options },
      validator: { validate: (value: unknown) => meetsPasswordPolicy(value) },
    });
}
