package app.roundtable.server;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.spi.ContextAwareBase;
import org.slf4j.Logger;

/**
 * How the node's logs look, found by Logback through {@code META-INF/services}: one JSON object per
 * line on stdout (what a log pipeline behind Kubernetes reads as it is), or plain text with {@code
 * LOG_FORMAT=text} for a terminal. A JSON line holds {@code timestamp} (epoch ms), {@code level},
 * {@code loggerName}, {@code formattedMessage}, {@code kvpList} (fields such as {@code node} and
 * {@code event}) and {@code throwable}. Never log a name, an idea, a session code or a secret: what
 * a line may carry is counted and named, not quoted (LogSetupTest checks a node's lines).
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public final class LogSetup extends ContextAwareBase implements Configurator {

  @Override
  public ExecutionStatus configure(LoggerContext context) {
    ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
    console.setContext(context);
    console.setName("console");
    console.setEncoder(encoder(context, System.getenv("LOG_FORMAT")));
    console.start();
    ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.INFO);
    root.addAppender(console);
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }

  /** JSON Lines unless {@code format} is {@code text}. */
  static Encoder<ILoggingEvent> encoder(LoggerContext context, String format) {
    if (format != null && format.trim().equalsIgnoreCase("text")) {
      PatternLayoutEncoder text = new PatternLayoutEncoder();
      text.setContext(context);
      text.setPattern("%d{HH:mm:ss.SSS} %-5level %logger{30} - %msg %kvp%n");
      text.start();
      return text;
    }
    JsonEncoder json = new JsonEncoder();
    json.setContext(context);
    // The template and its arguments apart would say everything twice; the thread, the logger
    // context and the sequence number say nothing an operator needs.
    json.setWithMessage(false);
    json.setWithArguments(false);
    json.setWithFormattedMessage(true);
    json.setWithSequenceNumber(false);
    json.setWithNanoseconds(false);
    json.setWithThreadName(false);
    json.setWithContext(false);
    json.setWithMarkers(false);
    json.setWithMDC(false);
    json.start();
    return json;
  }
}
