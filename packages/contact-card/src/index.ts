export { ChorusContactCard, CONTACT_CARD_VARIANTS, type ContactCardVariant } from './contact-card.js';
export {
  ASSOCIATION_KINDS,
  type AssociationKind,
  ChorusAssociationOpenEvent,
  ChorusContactChangeEvent,
  ChorusContactSelectEvent,
} from './events.js';
export { QUICK_ACTIONS, type QuickAction } from './quick-actions.js';
export { CONTACT_CARD_MESSAGES } from './messages.js';
export { CONTACT_CARD_TRANSLATIONS } from './translations.js';
export { LIFECYCLE_STAGES, allowedStages, stageGroup, type StageGroup } from './lifecycle.js';
