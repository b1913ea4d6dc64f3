package app;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class Notes {

    private final NoteRepository notes;

    public Notes(NoteRepository notes) {
        this.notes = notes;
    }

    @PostMapping("/notes")
    public Note add(@RequestParam String author, @RequestBody String text) {
        return notes.save(new Note(text, author));
    }

    @GetMapping("/notes")
    public List<Note> all() {
        return notes.findAll();
    }
}
