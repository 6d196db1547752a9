using System.CommandLine;
using SupportBot.Dialogs.Conversation;

namespace SupportBot.Bot.Cli;

/// <summary><c>supportbot flow diagram [--write-readme FILE]</c>: the recovery flow's Mermaid diagram, generated from the code.</summary>
internal static class FlowCommand
{
    public static Command Create(TextWriter output)
    {
        var write = new Option<FileInfo?>("--write-readme") { Description = "Replace the diagram between the recovery-flow markers of this Markdown file." };
        var complete = new Option<bool>("--complete") { Description = "Include re-prompts and the global commands of every state." };
        var diagram = new Command("diagram", "Print the recovery flow as a Mermaid state diagram.") { write, complete };
        diagram.SetAction(parseResult =>
        {
            if (parseResult.GetValue(write) is { } file)
            {
                var markdown = file.Exists ? File.ReadAllText(file.FullName) : string.Empty;
                File.WriteAllText(file.FullName, FlowDiagram.Replace(markdown));
                output.WriteLine($"Updated the diagram in {file.FullName}.");
                return 0;
            }

            output.WriteLine(parseResult.GetValue(complete) ? FlowDiagram.MermaidComplete() : FlowDiagram.Mermaid());
            return 0;
        });

        return new Command("flow", "The conversation's state machine.") { diagram };
    }
}
