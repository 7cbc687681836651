import type { Command } from '../command';
import { diff } from './diff';
import { inspect } from './inspect';
import { open } from './open';
import { report } from './report';
import { serve } from './serve';

/** Every subcommand, in `leakline --help` order. Add a command: one file in this folder, one line here. */
export const COMMANDS: readonly Command[] = [open, inspect, report, diff, serve];
