const integer = new Intl.NumberFormat('en-GB');
const currency = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP', maximumFractionDigits: 0 });
const dateTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });

export const formatInteger = (value: number) => integer.format(value);
export const formatMoney = (value: number) => currency.format(value);
export const formatDateTime = (value: Date) => `${dateTime.format(value)} UTC`;
export const formatPercent = (value: number, digits = 1) => `${(value * 100).toFixed(digits)} %`;
