import static dev.retort.testing.InvokerSupport.*

property(context.userProperties, "migrations.url", "postgresql://app:secret@127.0.0.1:1/unreachable")
true
