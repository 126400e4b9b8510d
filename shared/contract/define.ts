import type { z } from 'zod';

export interface ProcedureDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  /** Shown in the CLI's help and in errors. */
  summary: string;
}

export function procedure<I extends z.ZodType, O extends z.ZodType>(summary: string, input: I, output: O): ProcedureDef<I, O> {
  return { summary, input, output };
}
