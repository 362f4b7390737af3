/** A problem in a ballot file, with the 1-based line it was found on. */
export class BallotFileError extends Error {
  readonly line: number;
  readonly problem: string;

  constructor(line: number, problem: string) {
    super(`line ${line}: ${problem}`);
    this.name = "BallotFileError";
    this.line = line;
    this.problem = problem;
  }
}
