using Runwire.Host.Cli;

return await RunwireCommand.Create().Parse(args).InvokeAsync(RunwireCommand.Invocation);
