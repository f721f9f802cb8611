import { contextBridge, ipcRenderer } from 'electron';
import { methodNames } from '../src-shared/api';
import { API_CHANNEL } from './api-channel';

// One function per contract method, and nothing else: the page never gets ipcRenderer.
const api = Object.fromEntries(
  methodNames.map((name) => [
    name,
    (input: unknown) => ipcRenderer.invoke(API_CHANNEL, name, input),
  ]),
);

contextBridge.exposeInMainWorld('api', api);
