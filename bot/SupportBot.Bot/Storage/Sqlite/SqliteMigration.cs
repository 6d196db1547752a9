namespace SupportBot.Bot.Storage.Sqlite;

/// <summary>One numbered schema change, applied once and recorded in <c>schema_migrations</c>.</summary>
/// <param name="Version">1, 2, 3…, with no gaps; the database's version is the highest one applied.</param>
/// <param name="Name">A short description, recorded next to the version.</param>
/// <param name="Sql">The script; it runs inside the migration's transaction, so it must not change the journal mode.</param>
internal sealed record SqliteMigration(int Version, string Name, string Sql);
