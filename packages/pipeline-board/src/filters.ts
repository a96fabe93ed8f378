import { minorDigits, type Msg } from '@chorus/core';
import { html } from 'lit';
import { type BoardFilter, type BoardSort, isSort, SORTS } from './board-model.js';

/** What the toolbar reads and writes on the board. */
export interface FilterHost {
  filter: BoardFilter;
  sort: BoardSort;
}

/** Minor units per major unit of a currency (100 for EUR, 1 for JPY), as core knows it. */
const minorPerMajor = (currency: string) => 10 ** minorDigits(currency);

/** The toolbar: owner, text, value range (typed in major units) and the order within columns. */
export function renderFilters(
  host: FilterHost,
  msg: Msg,
  owners: readonly { id: string; name: string }[],
  currency: string,
) {
  const scale = minorPerMajor(currency);
  const set = (change: Partial<BoardFilter>) => {
    host.filter = { ...host.filter, ...change };
  };
  const amount = (event: Event) => {
    const raw = (event.target as HTMLInputElement).value;
    return raw === '' || !Number.isFinite(Number(raw)) ? undefined : Math.round(Number(raw) * scale);
  };
  const major = (minor: number | undefined) => (minor === undefined ? '' : String(minor / scale));
  return html`<form part="toolbar" class="toolbar" aria-label=${msg('pipelineBoard.filters')} @submit=${(e: Event) => e.preventDefault()}>
    <label>
      <span>${msg('pipelineBoard.owner')}</span>
      <select
        name="owner"
        @change=${(e: Event) => set({ ownerId: (e.target as HTMLSelectElement).value || undefined })}
      >
        <option value="" ?selected=${!host.filter.ownerId}>${msg('pipelineBoard.anyOwner')}</option>
        ${owners.map(
          (owner) =>
            html`<option value=${owner.id} ?selected=${owner.id === host.filter.ownerId}>${owner.name}</option>`,
        )}
      </select>
    </label>
    <label>
      <span>${msg('pipelineBoard.search')}</span>
      <input
        name="search"
        type="search"
        .value=${host.filter.text ?? ''}
        @input=${(e: Event) => set({ text: (e.target as HTMLInputElement).value })}
      />
    </label>
    <label>
      <span>${msg('pipelineBoard.minValue')}</span>
      <input
        name="min"
        type="number"
        min="0"
        inputmode="decimal"
        .value=${major(host.filter.minValue)}
        @change=${(e: Event) => set({ minValue: amount(e) })}
      />
    </label>
    <label>
      <span>${msg('pipelineBoard.maxValue')}</span>
      <input
        name="max"
        type="number"
        min="0"
        inputmode="decimal"
        .value=${major(host.filter.maxValue)}
        @change=${(e: Event) => set({ maxValue: amount(e) })}
      />
    </label>
    <label>
      <span>${msg('pipelineBoard.sort')}</span>
      <select
        name="sort"
        @change=${(e: Event) => {
          const value = (e.target as HTMLSelectElement).value;
          if (isSort(value)) host.sort = value;
        }}
      >
        ${SORTS.map(
          (sort) =>
            html`<option value=${sort} ?selected=${sort === host.sort}>${msg(`pipelineBoard.sort.${sort}`)}</option>`,
        )}
      </select>
    </label>
  </form>`;
}
