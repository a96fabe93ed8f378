export { ChorusContactCard, CONTACT_CARD_VARIANTS, type ContactCardVariant } from './contact-card.js';
export { ChorusContactChangeEvent, ChorusContactSelectEvent } from './events.js';
export { CONTACT_CARD_MESSAGES } from './messages.js';
export { CONTACT_CARD_TRANSLATIONS } from './translations.js';
export { LIFECYCLE_STAGES, allowedStages, stageGroup, type StageGroup } from './lifecycle.js';
