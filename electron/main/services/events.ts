import { EventEmitter } from 'node:events';
import { eventsContract, type EventName, type EventPayload } from '../../../shared/contract';

export type EventListener<E extends EventName> = (payload: EventPayload<E>) => void;

/** Events the services publish; the IPC adapter, the browser bridge and tests subscribe. */
export class ServiceEvents {
  private readonly emitter = new EventEmitter();

  constructor() {
    this.emitter.setMaxListeners(100);
  }

  emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    this.emitter.emit(name, payload);
  }

  on<E extends EventName>(name: E, listener: EventListener<E>): () => void {
    this.emitter.on(name, listener);
    return () => this.emitter.off(name, listener);
  }

  /** Every event, for transports that forward them all. */
  onAny(listener: (name: EventName, payload: unknown) => void): () => void {
    const names = Object.keys(eventsContract) as EventName[];
    const offs = names.map((n) => this.on(n, (p) => listener(n, p)));
    return () => offs.forEach((off) => off());
  }
}
