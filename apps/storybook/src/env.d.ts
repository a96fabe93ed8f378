/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** The Chorus API the stories talk to (see `resolveApiUrl`). */
  readonly VITE_CHORUS_API_URL?: string;
}
