/**
 * Card values, formatted once per amount, currency and locale: scrolling renders cards by the
 * hundred, and `Intl` formatting is the costly part of a card.
 */
export class MoneyTexts {
  private texts = new Map<string, string>();
  private locale?: string;

  text(
    amount: number,
    currency: string,
    locale: string,
    format: (amount: number, currency: string) => string,
  ) {
    if (this.locale !== locale) {
      this.texts.clear();
      this.locale = locale;
    }
    const key = `${currency} ${amount}`;
    let text = this.texts.get(key);
    if (text === undefined) {
      text = format(amount, currency);
      this.texts.set(key, text);
    }
    return text;
  }
}
