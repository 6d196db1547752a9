using SupportBot.Bench;

// Usage: dotnet run -c Release --project bench/SupportBot.Bench -- [--conversations 1000] [--connections 32] [--rounds 3]
var options = LoadOptions.Parse(args);
var report = await MessagesLoadTest.RunAsync(options, Console.Out, CancellationToken.None);
Console.WriteLine(report);
return 0;
