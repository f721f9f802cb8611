/*
 * The one place reviews reach the app's content-addressed file store, so that
 * when the store moves to its shared home only this line changes.
 */
export { readStoredContent, storeContent } from '../cases/file-store';
