using Mariachi.Cli.Commands;

// Every command lives in Commands/ (one ICommand each, found by the table); this file only hands over.
return await CommandTable.Discover().RunAsync(args, CliConsole.System, CancellationToken.None);
