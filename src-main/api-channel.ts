/** The one IPC channel the window's bridge uses: every contract call travels on it. */
export const API_CHANNEL = 'involvement-desk:api';
