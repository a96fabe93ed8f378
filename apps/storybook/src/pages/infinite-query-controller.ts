import type { ChorusHost } from '@chorus/core';
import type { ChorusQueries } from '@chorus/sdk/query';
import {
  type DefaultedInfiniteQueryObserverOptions,
  hashKey,
  type InfiniteData,
  InfiniteQueryObserver,
  type InfiniteQueryObserverOptions,
  type InfiniteQueryObserverResult,
} from '@tanstack/query-core';
import type { ReactiveController } from 'lit';

type Pages<Page> = InfiniteData<Page, string | undefined>;
type AnyInfiniteOptions<Page> = InfiniteQueryObserverOptions<
  Page,
  Error,
  Pages<Page>,
  // biome-ignore lint/suspicious/noExplicitAny: each list has its own key type.
  any,
  string | undefined
>;
type DefaultedOptions<Page> = DefaultedInfiniteQueryObserverOptions<
  Page,
  Error,
  Pages<Page>,
  // biome-ignore lint/suspicious/noExplicitAny: each list has its own key type.
  any,
  string | undefined
>;

/**
 * A cursor-paged list read through the provider's QueryClient, page after page (`fetchNextPage`):
 * core's QueryController for one page, over query-core's InfiniteQueryObserver. Subscribes when
 * the host connects, lets go when it disconnects; `options` is read again before every update, so a
 * new stage or window is a new list, and `null` means "nothing to fetch".
 */
export class InfiniteQueryController<Page> implements ReactiveController {
  // biome-ignore lint/suspicious/noExplicitAny: each list has its own key type.
  private observer?: InfiniteQueryObserver<Page, Error, Pages<Page>, any, string | undefined>;
  private unsubscribe?: () => void;
  private keyHash?: string;
  private observerClient?: unknown;
  private current?: InfiniteQueryObserverResult<Pages<Page>, Error>;

  constructor(
    private readonly host: ChorusHost,
    private readonly options: (queries: ChorusQueries) => AnyInfiniteOptions<Page> | null,
  ) {
    host.addController(this);
  }

  get status(): 'idle' | 'pending' | 'error' | 'success' {
    return this.current?.status ?? 'idle';
  }
  /** Every page fetched so far, in order. */
  get pages(): Page[] | undefined {
    return this.current?.data?.pages;
  }
  get error(): Error | null {
    return this.current?.error ?? null;
  }
  get hasNextPage(): boolean {
    return this.current?.hasNextPage ?? false;
  }
  get isFetchingNextPage(): boolean {
    return this.current?.isFetchingNextPage ?? false;
  }

  fetchNextPage(): Promise<unknown> {
    return this.observer?.fetchNextPage() ?? Promise.resolve();
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
      this.observer = new InfiniteQueryObserver(environment.queryClient, options);
      this.observerClient = environment.queryClient;
    } else if (hash !== this.keyHash) {
      this.observer.setOptions(options);
    }
    this.keyHash = hash;
    // defaultQueryOptions keeps the paging options it was given; its return type just does not say so.
    this.current = this.observer.getOptimisticResult(
      environment.queryClient.defaultQueryOptions(options) as DefaultedOptions<Page>,
    );
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
