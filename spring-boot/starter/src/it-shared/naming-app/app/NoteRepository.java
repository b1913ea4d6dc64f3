package app;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface NoteRepository extends JpaRepository<Note, Long> {

    @Query("select count(t) from Note n join n.noteTags t")
    long countTagLinks();

    @Query("select count(r) from Note n join n.reviewerNames r")
    long countReviewerNames();
}
