using SupportBot.Browser.Tests;
using Xunit;

// One Chromium for every browser test in the assembly.
[assembly: AssemblyFixture(typeof(ChromiumBrowser))]
