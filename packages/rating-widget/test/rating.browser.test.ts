import { type BrowserApiInfo, testApi } from '@chorus/api/testing/browser-client';
import { html } from 'lit';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { expectNoAxeViolations, mount, shadowTextOf, until } from '@chorus/testing/browser';
import type { ChorusRating, ChorusRatingStoredEvent } from '../src/index.js';
import { dwell, inShadow, storedRatings } from './support.js';

let api: BrowserApiInfo;

beforeEach(async () => {
  api = await testApi.freshWorkspace();
  localStorage.clear();
  document.body.replaceChildren();
});

const widget = (scale = 'stars5', comment = 'off', subject = 'product:m1') =>
  mount(
    html`<chorus-rating
      base-url=${api.url}
      publishable-key=${api.publishableKey}
      subject=${subject}
      scale=${scale}
      comment=${comment}
    ></chorus-rating>`,
  ).querySelector('chorus-rating')!;

const radios = (element: Element) => [
  ...element.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type=radio]'),
];
const labels = (element: Element) => radios(element).map((radio) => radio.getAttribute('aria-label'));
const checked = (element: Element) =>
  inShadow<HTMLInputElement>(element, 'input:checked')?.getAttribute('aria-label');
const send = (element: Element) => inShadow<HTMLButtonElement>(element, '[part=button]')!;

describe('<chorus-rating>', () => {
  it('offers each scale as a labelled radio group with no axe violations', async () => {
    const stars = widget('stars5');
    const nps = widget('nps10');
    const csat = widget('csat5');
    await until(() => radios(csat).length === 5, 'rendered');
    expect(labels(stars)).toEqual([
      '1 of 5 stars',
      '2 of 5 stars',
      '3 of 5 stars',
      '4 of 5 stars',
      '5 of 5 stars',
    ]);
    expect(labels(nps)).toHaveLength(11);
    expect(labels(nps)[0]).toBe('0 of 10');
    expect(shadowTextOf(nps)).toContain('How likely are you to recommend us');
    // The ends of NPS and CSAT are shown and are the group's description.
    expect(inShadow(nps, 'fieldset')!.getAttribute('aria-describedby')).toBe('ends');
    expect(inShadow(nps, '#ends')!.textContent).toMatch(/Not at all likely\s+Extremely likely/);
    expect(labels(csat)).toEqual([
      'Very unsatisfied',
      'Unsatisfied',
      'Neutral',
      'Satisfied',
      'Very satisfied',
    ]);
    for (const element of [stars, nps, csat]) await expectNoAxeViolations(element);
  });

  it('keyboard: arrow keys, Home and End choose; choosing fires change; the comment field follows', async () => {
    const element = widget('csat5', 'optional');
    const changes = vi.fn();
    element.addEventListener('change', changes);
    await until(() => radios(element).length === 5, 'rendered');
    radios(element)[0]!.focus();
    await userEvent.keyboard('{End}');
    expect(checked(element)).toBe('Very satisfied');
    await userEvent.keyboard('{ArrowLeft}');
    expect(checked(element)).toBe('Satisfied');
    await userEvent.keyboard('{Home}');
    expect(checked(element)).toBe('Very unsatisfied');
    expect(element.score).toBe(1);
    expect(changes).toHaveBeenCalledTimes(3);
    await element.updateComplete;
    expect(inShadow(element, 'textarea')).not.toBeNull();
    expect(shadowTextOf(element)).toContain('Anything to add? (optional)');
    await expectNoAxeViolations(element);
  });

  it('sends the rating with its comment, says thank you and fires chorus-rating-stored', async () => {
    const element = widget('stars5', 'required');
    const stored = vi.fn<(event: ChorusRatingStoredEvent) => void>();
    element.addEventListener('chorus-rating-stored', stored);
    await dwell();
    await element.updateComplete;
    send(element).click();
    await element.updateComplete;
    expect(inShadow(element, '[role=alert]')?.textContent).toBe('Please choose a score.');
    radios(element)[4]!.click();
    await element.updateComplete;
    send(element).click();
    await element.updateComplete;
    expect(inShadow(element, '[role=alert]')?.textContent).toBe('Please add a comment.');
    const textarea = inShadow<HTMLTextAreaElement>(element, 'textarea')!;
    textarea.value = 'Crisp picture';
    textarea.dispatchEvent(new InputEvent('input'));
    send(element).click();
    await until(() => shadowTextOf(element) === 'Thank you!', 'thanks');
    expect(stored).toHaveBeenCalledTimes(1);
    expect(stored.mock.calls[0]![0].rating).toMatchObject({
      subject: 'product:m1',
      score: 5,
      comment: 'Crisp picture',
    });
    expect(await storedRatings(api)).toMatchObject([
      {
        subject: 'product:m1',
        score: 5,
        comment: 'Crisp picture',
        source: 'website',
        origin: location.origin,
      },
    ]);
    await expectNoAxeViolations(element);
  });

  it('misconfigured: disabled, with a console error that says what is wrong', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const root =
        mount(html`<chorus-rating subject="product:m1" base-url=${api.url} publishable-key="sk_live_oops"></chorus-rating>
        <chorus-rating scale="stars7" publishable-key=${api.publishableKey} base-url=${api.url}></chorus-rating>`);
      const [secret, wrong] = [...root.querySelectorAll('chorus-rating')] as ChorusRating[];
      await secret!.updateComplete;
      await wrong!.updateComplete;
      expect(shadowTextOf(secret!)).toBe('Rating is unavailable.');
      expect(secret!.shadowRoot!.querySelector('input, button')).toBeNull();
      const logged = errors.mock.calls.map((call) => String(call[0]));
      expect(logged).toContain('<chorus-rating>: set publishable-key (pk_…, never a secret key).');
      expect(logged).toContain('<chorus-rating>: set scale (stars5, nps10 or csat5), subject.');
    } finally {
      errors.mockRestore();
    }
  });

  it('still sends through the deprecated api attribute, and asks for base-url when neither is set', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const root =
        mount(html`<chorus-rating api=${api.url} publishable-key=${api.publishableKey} subject="product:old-tag"></chorus-rating>
        <chorus-rating publishable-key=${api.publishableKey} subject="product:m1"></chorus-rating>`);
      const [old, none] = [...root.querySelectorAll('chorus-rating')] as ChorusRating[];
      await none!.updateComplete;
      expect(shadowTextOf(none!)).toBe('Rating is unavailable.');
      expect(errors.mock.calls.map((call) => String(call[0]))).toContain('<chorus-rating>: set base-url.');
      await dwell();
      await until(() => radios(old!).length === 5, 'rendered');
      radios(old!)[3]!.click();
      await old!.updateComplete;
      send(old!).click();
      await until(() => shadowTextOf(old!) === 'Thank you!', 'thanks');
      expect(await storedRatings(api)).toMatchObject([{ subject: 'product:old-tag', score: 4 }]);
    } finally {
      errors.mockRestore();
    }
  });
});

describe('<chorus-rating> in a <form>', () => {
  it('is a form control: named value, required validation, reset and disabled fieldsets', async () => {
    const root = mount(html`<form>
      <fieldset>
        <chorus-rating name="satisfaction" scale="csat5" required></chorus-rating>
      </fieldset>
      <button>Submit</button>
    </form>`);
    const form = root.querySelector('form')!;
    const element = root.querySelector('chorus-rating')!;
    await until(() => radios(element).length === 5, 'rendered');
    // No key: only a field, the form sends the value.
    expect(send(element)).toBeNull();
    expect(element.form).toBe(form);
    expect(form.checkValidity()).toBe(false);
    radios(element)[3]!.click();
    await element.updateComplete;
    expect(form.checkValidity()).toBe(true);
    expect(new FormData(form).get('satisfaction')).toBe('4');
    form.reset();
    await element.updateComplete;
    expect(element.value).toBe('');
    expect(new FormData(form).get('satisfaction')).toBeNull();
    root.querySelector('fieldset')!.disabled = true;
    await element.updateComplete;
    expect(inShadow<HTMLFieldSetElement>(element, 'fieldset')!.disabled).toBe(true);
    await expectNoAxeViolations(form);
  });
});
