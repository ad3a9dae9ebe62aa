/**
 * The scripts' command-line options: `--name value` and bare `--flag`s, read from process.argv.
 * Hand-written rather than node:util's parseArgs, which needs every option declared up front and
 * still leaves number checking to the caller.
 */
const args = process.argv.slice(2);

/**
 * The value after `--name`, or undefined when the option is absent. `--name` with no value after
 * it stops the script: falling back to the default instead could, for `--out`, overwrite the
 * committed teacher.
 */
export function textOption(name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  if (i < 0) return undefined;
  const value = args[i + 1];
  if (value === undefined || value.startsWith('--')) fail(`--${name} needs a value after it`);
  return value;
}

/** A numeric option; a value that is not a number stops the script with a message. */
export function numberOption(name: string, fallback: number): number {
  const raw = textOption(name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value)) fail(`--${name} ${raw}: not a number`);
  return value;
}

export function flag(name: string): boolean {
  return args.includes(`--${name}`);
}

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}
