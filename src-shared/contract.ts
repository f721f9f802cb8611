import type { z } from 'zod';
import type { Permission } from './rules/permissions';

/**
 * One method of the contract: the schema its input must pass, the permission
 * it needs and (as a type only) what it returns.
 */
export interface MethodSpec<I extends z.ZodType = z.ZodType, O = unknown> {
  readonly input: I;
  /** `null` for the few calls made before anyone is signed in. */
  readonly permission: Permission | null;
  /** Phantom: carries the result type, never read at run time. */
  readonly result?: O;
}

export function method<I extends z.ZodType>(input: I, permission: Permission | null) {
  return {
    returns<O>(): MethodSpec<I, O> {
      return { input, permission };
    },
  };
}

export type ContractMap = Record<string, MethodSpec>;

/** Joins the areas' maps into one, refusing a name used twice. */
export function combineContracts<const T extends readonly ContractMap[]>(
  ...maps: T
): UnionToIntersection<T[number]> {
  const out: ContractMap = {};
  for (const map of maps) {
    for (const [name, spec] of Object.entries(map)) {
      if (name in out) throw new Error(`The contract names "${name}" twice.`);
      out[name] = spec;
    }
  }
  return out as UnionToIntersection<T[number]>;
}

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (
  x: infer I,
) => void
  ? I
  : never;

export type InputOf<S> = S extends MethodSpec<infer I, unknown> ? z.input<I> : never;
export type ParsedInputOf<S> = S extends MethodSpec<infer I, unknown> ? z.output<I> : never;
export type ResultOf<S> = S extends MethodSpec<z.ZodType, infer O> ? O : never;
