import type { ChorusQueries } from '@chorus/sdk/query';
import {
  hashKey,
  QueryObserver,
  type QueryObserverOptions,
  type QueryObserverResult,
} from '@tanstack/query-core';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ChorusEnvironment } from './context.js';

/** A host that knows its Chorus environment (ChorusElement does). */
export interface ChorusHost extends ReactiveControllerHost {
  readonly chorusEnvironment: ChorusEnvironment | undefined;
}

// biome-ignore lint/suspicious/noExplicitAny: query-core's own options type is generic over five parameters.
type AnyQueryOptions<TData> = QueryObserverOptions<any, Error, TData, any, any>;

/**
 * One query, read through the provider's QueryClient: subscribes when the host connects, lets go
 * when it disconnects, and asks the host to update when the result changes. `options` is read again
 * before every update, so a new `contact-id` means a new query; `null` means "nothing to fetch".
 */
export class QueryController<TData> implements ReactiveController {
  // biome-ignore lint/suspicious/noExplicitAny: each query has its own key type.
  private observer?: QueryObserver<unknown, Error, TData, unknown, any>;
  private unsubscribe?: () => void;
  private keyHash?: string;
  private current?: QueryObserverResult<TData, Error>;
  private observerClient?: unknown;

  constructor(
    private readonly host: ChorusHost,
    private readonly options: (queries: ChorusQueries) => AnyQueryOptions<TData> | null,
  ) {
    host.addController(this);
  }

  get result(): QueryObserverResult<TData, Error> | undefined {
    return this.current;
  }
  get status(): 'idle' | 'pending' | 'error' | 'success' {
    return this.current?.status ?? 'idle';
  }
  get data(): TData | undefined {
    return this.current?.data;
  }
  get error(): Error | null {
    return this.current?.error ?? null;
  }

  refetch(): Promise<unknown> {
    return this.observer?.refetch() ?? Promise.resolve();
  }

  hostConnected(): void {
    this.sync();
  }

  hostUpdate(): void {
    this.sync();
  }

  hostDisconnected(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }

  private sync(): void {
    const environment = this.host.chorusEnvironment;
    const options = environment ? this.options(environment.queries) : null;
    if (!environment || !options) {
      this.detach();
      return;
    }
    const hash = hashKey(options.queryKey);
    if (!this.observer || this.observerClient !== environment.queryClient) {
      this.detach();
      this.observer = new QueryObserver(environment.queryClient, options);
      this.observerClient = environment.queryClient;
    } else if (hash !== this.keyHash) {
      this.observer.setOptions(options);
    }
    this.keyHash = hash;
    this.current = this.observer.getOptimisticResult(environment.queryClient.defaultQueryOptions(options));
    this.unsubscribe ??= this.observer.subscribe((result) => {
      this.current = result;
      this.host.requestUpdate();
    });
  }

  private detach(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.observer = undefined;
    this.observerClient = undefined;
    this.current = undefined;
    this.keyHash = undefined;
  }
}
