/** A refusal the CLI prints as one line on stderr before exiting non-zero. */
export class CliError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CliError";
  }
}
