package matrix.fidelity;

import jakarta.persistence.*;

@Entity
public class Note {
    @Id Long id;
    @ManyToOne
    @JoinColumn(name = "task_id", foreignKey = @ForeignKey(name = "fk_note_task",
            foreignKeyDefinition = "foreign key (task_id) references fidelity.task(id) on update cascade deferrable initially deferred"))
    Task task;
}
