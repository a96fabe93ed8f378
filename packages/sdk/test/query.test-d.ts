import { MutationObserver, QueryClient } from '@tanstack/query-core';
import { describe, expectTypeOf, it } from 'vitest';
import { type ChorusError, createChorusClient } from '../src/index.js';
import { chorusKeys, createChorusQueries } from '../src/query/index.js';

const queries = createChorusQueries(createChorusClient({ baseUrl: 'https://api.test', apiKey: 'sk_x' }));
const queryClient = new QueryClient();

describe('query layer types', () => {
  it('types fetched data and cached data from the key', async () => {
    const contact = await queryClient.fetchQuery(queries.contacts.detail('con_1'));
    expectTypeOf(contact.lifecycleStage).toEqualTypeOf<
      | 'subscriber'
      | 'lead'
      | 'marketing_qualified'
      | 'sales_qualified'
      | 'opportunity'
      | 'customer'
      | 'evangelist'
      | 'churned'
    >();
    expectTypeOf(queryClient.getQueryData(chorusKeys.deals.detail('deal_1'))?.stageId).toEqualTypeOf<
      string | undefined
    >();
    const pages = await queryClient.fetchInfiniteQuery(queries.deals.infinite({ pipelineId: 'pip_1' }));
    expectTypeOf(pages.pages[0]!.data[0]!.id).toBeString();
  });

  it('types mutation variables and errors', () => {
    const move = new MutationObserver(queryClient, queries.deals.move());
    expectTypeOf(move.getCurrentResult().error).toEqualTypeOf<ChorusError | null>();
    // @ts-expect-error: a move needs the deal's version and pipeline to be safe and to invalidate the right board
    move.mutate({ deal: { id: 'deal_1' }, stageId: 'stg_1' });
    const edit = new MutationObserver(queryClient, queries.contacts.update());
    // @ts-expect-error: the version is required for If-Match
    edit.mutate({ id: 'con_1', changes: { firstName: 'A' } });
  });

  it('refuses filters the API does not take', () => {
    // @ts-expect-error: deals are not filtered by lifecycle stage
    queries.deals.list({ lifecycleStage: 'lead' });
    // @ts-expect-error: the summary needs a subject
    queries.ratings.summary({ scale: 'stars5' });
  });
});
