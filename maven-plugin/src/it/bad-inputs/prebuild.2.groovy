import static dev.retort.testing.InvokerSupport.*

property(context.userProperties, "migrations.url", "postgresql://app:hunter2@127.0.0.1:1/nowhere")
property(context.userProperties, "migrations.user", null)
property(context.userProperties, "migrations.password", null)
