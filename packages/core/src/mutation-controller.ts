import type { ChorusQueries } from '@chorus/sdk/query';
import {
  MutationObserver,
  type MutationObserverOptions,
  type MutationObserverResult,
} from '@tanstack/query-core';
import type { ReactiveController } from 'lit';
import type { ChorusHost } from './query-controller.js';

// biome-ignore lint/suspicious/noExplicitAny: query-core's own options type is generic over four parameters.
type AnyMutationOptions<TData, TVariables> = MutationObserverOptions<TData, any, TVariables, any>;

/**
 * One mutation through the provider's QueryClient, so its optimistic update, rollback and
 * invalidation rules (from the SDK) apply to every element showing the same data.
 */
export class MutationController<TData, TVariables> implements ReactiveController {
  // biome-ignore lint/suspicious/noExplicitAny: the error type is the SDK's, narrowed where it is read.
  private observer?: MutationObserver<TData, any, TVariables, unknown>;
  private unsubscribe?: () => void;
  private observerClient?: unknown;
  private current?: MutationObserverResult<TData, Error, TVariables, unknown>;

  constructor(
    private readonly host: ChorusHost,
    private readonly options: (queries: ChorusQueries) => AnyMutationOptions<TData, TVariables>,
  ) {
    host.addController(this);
  }

  get status(): 'idle' | 'pending' | 'error' | 'success' {
    return this.current?.status ?? 'idle';
  }
  get error(): Error | null {
    return this.current?.error ?? null;
  }

  /** Runs the mutation; resolves with the server's answer or rejects with its typed error. */
  mutate(variables: TVariables): Promise<TData> {
    const observer = this.ensureObserver();
    if (!observer) return Promise.reject(new Error('No Chorus provider: cannot send the change.'));
    return observer.mutate(variables);
  }

  reset(): void {
    this.observer?.reset();
  }

  hostConnected(): void {
    // Back on the page (moved, say): listen to the same observer again, so the result it shows and
    // `reset()` keep reaching the host.
    if (this.observer) this.listen(this.observer);
  }

  hostDisconnected(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }

  private ensureObserver() {
    const environment = this.host.chorusEnvironment;
    if (!environment) return undefined;
    if (!this.observer || this.observerClient !== environment.queryClient) {
      this.hostDisconnected();
      this.observer = new MutationObserver(environment.queryClient, this.options(environment.queries));
      this.observerClient = environment.queryClient;
    }
    this.listen(this.observer);
    return this.observer;
  }

  private listen(observer: NonNullable<typeof this.observer>): void {
    this.unsubscribe ??= observer.subscribe((result) => {
      this.current = result;
      this.host.requestUpdate();
    });
  }
}
