package matrix.fidelity;

import jakarta.persistence.*;

import org.hibernate.annotations.ColumnDefault;
import org.hibernate.annotations.Comment;

@Entity
public class Memo {
    @Id Long id;
    @ColumnDefault("null") @Comment("") String text;
    @ColumnDefault("null") Integer rank;
}
