// sharpaot command line: parses arguments with yargs and dispatches to one module per
// command. Errors leave through one place: user diagnostics (CompileError, bad
// assemblies) print their codes and exit 1; anything else is an internal compiler
// error, printed with its stack and exit code 70 (EX_SOFTWARE).

import yargs, { type CommandModule } from 'yargs';
import { hideBin } from 'yargs/helpers';
import { buildCommand } from './build.ts';
import { inspectCommand } from './inspect.ts';
import { runCommand } from './run.ts';
import { reportAndExit } from './report.ts';

// Each command module registers itself here; the order is the order of `--help`.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- yargs command modules differ in their argument types
const commands: CommandModule<any, any>[] = [buildCommand, runCommand, inspectCommand];

export async function main(argv: string[]): Promise<void> {
  try {
    let cli = yargs(argv)
      .scriptName('sharpaot')
      .usage('$0 <command> [options]\n\nAhead-of-time compiler from .NET assemblies to bootable x86 kernel images.')
      .strict()
      .demandCommand(1, 'Give a command: ' + commands.map(c => String(c.command).split(' ')[0]).join(', '))
      .recommendCommands()
      .help()
      .alias('h', 'help')
      .version(false)
      .wrap(Math.min(100, process.stdout.columns || 100))
      .fail((msg, err) => {
        if (err) throw err;
        throw new UsageError(msg);
      });
    for (const command of commands) cli = cli.command(command);
    await cli.parseAsync();
  } catch (e) {
    reportAndExit(e);
  }
}

export class UsageError extends Error {
  override name = 'UsageError';
}

await main(hideBin(process.argv));
