import { app } from 'electron';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { builtLayout, startShell } from './shell';

const here = dirname(fileURLToPath(import.meta.url));

void startShell({ ...builtLayout(here, process.env, app.isPackaged), argv: process.argv });
