package dev.rapport;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;

/**
 * Rapport, an open-source CRM. Started without arguments it serves the web UI and API; with a
 * command ({@code demo-data}, {@code import}) it does that one job and exits.
 */
@SpringBootApplication
@Modulithic(sharedModules = "platform")
public class RapportApplication {

    public static void main(String[] args) {
        SpringApplication app = new SpringApplication(RapportApplication.class);
        if (args.length > 0 && !args[0].startsWith("-")) {
            app.setWebApplicationType(WebApplicationType.NONE);
            app.setAdditionalProfiles("cli");
            System.exit(SpringApplication.exit(app.run(args)));
        }
        app.run(args);
    }
}
