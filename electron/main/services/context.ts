import { randomUUID } from 'node:crypto';
import type { Db } from '../../../db/client';
import type Database from 'better-sqlite3';
import { nowIso, todayIso } from '../../../shared/domain/dates';
import type { ServiceEvents } from './events';

/** What every service gets: the ledger, a clock, id generation and the event bus. */
export interface ServiceContext {
  db: Db;
  sqlite: Database.Database;
  events: ServiceEvents;
  now(): Date;
  newId(): string;
}

export function timestamp(ctx: ServiceContext): string {
  return nowIso(ctx.now());
}

export function today(ctx: ServiceContext): string {
  return todayIso(ctx.now());
}

export const defaultIdFactory = (): string => randomUUID();
