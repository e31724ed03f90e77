package dev.rapport.platform;

import java.util.Properties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Outgoing mail over SMTP, only when {@code RAPPORT_MAIL_HOST} is set; without it there is no
 * {@code JavaMailSender} bean and nothing tries to send. Boot's own mail auto-configuration
 * switches on for any value of {@code spring.mail.host}, the empty one included, so the sender is
 * declared here instead. Its health check is off (application.yml): a mail server outage must not
 * take the nodes out of the load balancer.
 */
@Configuration
class MailConfig {

    @Bean
    @ConditionalOnExpression("!'${rapport.mail.host:}'.isBlank()")
    JavaMailSenderImpl mailSender(@Value("${rapport.mail.host}") String host, @Value("${rapport.mail.port:25}") int port,
                                  @Value("${rapport.mail.username:}") String username,
                                  @Value("${rapport.mail.password:}") String password) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(host.trim());
        sender.setPort(port);
        sender.setDefaultEncoding("UTF-8");
        Properties props = sender.getJavaMailProperties();
        if (!username.isBlank()) {
            sender.setUsername(username);
            sender.setPassword(password);
            props.put("mail.smtp.auth", "true");
        }
        if (port == 465) {
            // the SMTPS port speaks TLS from the first byte
            props.put("mail.smtp.ssl.enable", "true");
        } else {
            // elsewhere upgrade to TLS whenever the server offers it
            props.put("mail.smtp.starttls.enable", "true");
        }
        // a hanging mail server must not hold a job thread for ever
        props.put("mail.smtp.connectiontimeout", "10000");
        props.put("mail.smtp.timeout", "10000");
        props.put("mail.smtp.writetimeout", "10000");
        return sender;
    }
}
