using System.ComponentModel.DataAnnotations;

namespace SupportBot.Bot.Hosting;

/// <summary>Where this node keeps its files (database, keys), bound from section "Data".</summary>
public sealed class DataDirectoryOptions
{
    /// <summary>A folder, relative to the content root unless absolute.</summary>
    /// <value><c>data</c></value>
    [Required]
    public string Directory { get; set; } = "data";
}
