import type { Command } from '../command';
import { report } from './report';
import { serve } from './serve';

/** Every subcommand, in `leakline --help` order. Add a command: one file in this folder, one line here. */
export const COMMANDS: readonly Command[] = [report, serve];
