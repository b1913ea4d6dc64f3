package app;

import java.util.Set;

import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

@SpringBootApplication
public class Application {

    public static void main(String[] args) {
        SpringApplication.run(Application.class, args);
    }

    /** Writes a note with everything its mapping has, and reads it back through each table. */
    @Bean
    CommandLineRunner smoke(NoteRepository notes, NoteTagRepository tags) {
        return args -> {
            NoteTag tag = tags.save(new NoteTag("urgent"));
            notes.save(new Note("first note", new PostalAddress("Main Street 1", "1000"), Set.of(tag), Set.of("ada", "grace")));
            Note read = notes.findAll().get(0);
            System.out.println("Smoke: " + notes.count() + " note(s) at " + read.getPostalAddress().getStreetName() + " with "
                    + notes.countTagLinks() + " tag link(s) and " + notes.countReviewerNames() + " reviewer name(s).");
        };
    }
}
