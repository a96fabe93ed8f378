/**
 * For your server: signed contact references, so a rating sent from your page is stored on the
 * customer it came from. The format and its one implementation are the contract's; this entry is
 * where an SDK user finds them. Never import it into browser code: it needs a secret key.
 */
export {
  type ContactReferenceOptions,
  contactReference,
} from '@chorus/contract/contact-reference';
