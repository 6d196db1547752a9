using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using SupportBot.Dialogs.Localization;
using Xunit;

namespace SupportBot.Dialogs.Tests.Localization;

public sealed class LocalizationServiceCollectionExtensionsTests
{
    [Fact]
    public void AddJsonLocalization_Source_RegistersOneFactoryForEveryLocalizationService()
    {
        var services = new ServiceCollection()
            .AddJsonLocalization(TestLocales.Source(("en/chat.json", """{ "chat.greeting": "Hello {name}!" }""")));
        var provider = new DescriptorServiceProvider(services);

        var factory = provider.GetService(typeof(JsonStringLocalizerFactory));

        Assert.NotNull(factory);
        Assert.Same(factory, provider.GetService(typeof(IStringLocalizerFactory)));
        Assert.Equal("Hello Ana!", ((IMessageRenderer)provider.GetService(typeof(IMessageRenderer))!).Render("en", "chat.greeting", new Dictionary<string, object?> { ["name"] = "Ana" }));
        Assert.All(
            services.Where(d => d.ServiceType != typeof(IStringLocalizer<>)),
            d => Assert.Equal(ServiceLifetime.Singleton, d.Lifetime));
        Assert.Contains(services, d => d.ServiceType == typeof(IStringLocalizer<>) && d.ImplementationType == typeof(StringLocalizer<>));
    }

    [Fact]
    public void AddJsonLocalization_AfterAnotherFactory_WinsTheRegistration()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IStringLocalizerFactory>(new OtherFactory());

        services.AddJsonLocalization(RepositoryPaths.Locales);

        Assert.IsType<JsonStringLocalizerFactory>(new DescriptorServiceProvider(services).GetService(typeof(IStringLocalizerFactory)));
    }

    /// <summary>Resolves singletons from descriptors the way a container does for this registration (last one wins).</summary>
    private sealed class DescriptorServiceProvider(IServiceCollection services) : IServiceProvider
    {
        private readonly Dictionary<ServiceDescriptor, object?> _singletons = [];

        public object? GetService(Type serviceType)
        {
            var descriptor = services.LastOrDefault(d => d.ServiceType == serviceType);
            if (descriptor is null)
            {
                return null;
            }

            if (!_singletons.TryGetValue(descriptor, out var instance))
            {
                instance = descriptor.ImplementationInstance ?? descriptor.ImplementationFactory?.Invoke(this);
                _singletons[descriptor] = instance;
            }

            return instance;
        }
    }

    private sealed class OtherFactory : IStringLocalizerFactory
    {
        public IStringLocalizer Create(Type resourceSource) => throw new NotSupportedException();

        public IStringLocalizer Create(string baseName, string location) => throw new NotSupportedException();
    }
}
