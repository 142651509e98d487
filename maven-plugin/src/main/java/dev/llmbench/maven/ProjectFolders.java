package dev.llmbench.maven;

import org.apache.maven.execution.MavenSession;
import org.apache.maven.project.MavenProject;

import java.io.File;

/**
 * Default folders of goals that also run without a project ({@code requiresProject = false}). Maven's stand-in
 * project then leaves {@code ${project.build.directory}} unresolved, so the defaults are computed here: the project's
 * build directory and base directory when there is a project, else {@code target/} and the folder Maven was started in.
 */
final class ProjectFolders {

    private ProjectFolders() {
    }

    /** True when Maven runs without a pom.xml. */
    static boolean standalone(MavenProject project) {
        return project == null || project.getFile() == null;
    }

    /** The project's base directory, or the folder Maven was started in. */
    static File baseDir(MavenProject project, MavenSession session) {
        if (!standalone(project)) return project.getBasedir();
        if (session == null) return new File(System.getProperty("user.dir")); // a Mojo made by hand, as in tests
        return new File(session.getExecutionRootDirectory());
    }

    /** {@code <build directory>/llmbench}: where results, reports and summaries go by default. */
    static File resultsDir(MavenProject project, MavenSession session) {
        if (!standalone(project)) return new File(project.getBuild().getDirectory(), "llmbench");
        return new File(baseDir(project, session), "target" + File.separator + "llmbench");
    }
}
