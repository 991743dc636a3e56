import { IsEmail, IsString, Length, registerDecorator, ValidateIf } from 'class-validator';

/** Exactly one of `username` / `email` must be given. */
function OneOfUsernameOrEmail(): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'oneOfUsernameOrEmail',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: 'give either username or email, not both' },
      validator: {
        validate: (_: unknown, args) => {
          const body = args?.object as { username?: unknown; email?: unknown };
          return body.username === undefined || body.email === undefined;
        },
      },
    });
}

/** Log in with your username or your email (exactly one of them) and your password. */
export class LoginDto {
  /** Your username (any case). Required unless `email` is given. @example "asha_k" */
  @ValidateIf((o: LoginDto) => o.email === undefined || o.username !== undefined)
  @IsString()
  @Length(1, 30)
  username?: string;

  /** Your email. Required unless `username` is given. @example "asha@example.com" */
  @ValidateIf((o: LoginDto) => o.username === undefined || o.email !== undefined)
  @OneOfUsernameOrEmail()
  @IsEmail({}, { message: 'email must be a valid email address' })
  email?: string;

  /** @example "correct-horse-battery-9" */
  @IsString()
  @Length(1, 128)
  password!: string;
}
