using System.Security.Cryptography;

namespace SupportBot.Bot.Hosting;

/// <summary>
/// A random key kept in a file of the data folder, created on first start, so a single node works out of the
/// box; deployments configure their own key (from a vault) instead.
/// </summary>
internal static class KeyFile
{
    public static byte[] LoadOrCreate(string path, int bytes)
    {
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        if (File.Exists(path))
        {
            var existing = Convert.FromBase64String(File.ReadAllText(path).Trim());
            if (existing.Length >= bytes)
            {
                return existing;
            }
        }

        var key = RandomNumberGenerator.GetBytes(bytes);
        File.WriteAllText(path, Convert.ToBase64String(key));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return key;
    }
}
