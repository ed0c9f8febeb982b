@testable import BackcheckAPI
import Testing

/// Laravel and Rails route files.
@Suite struct ScriptLanguageRouteTests {
    @Test func laravelRoutesGroupsAndResources() {
        let code = """
            <?php
            use Illuminate\\Support\\Facades\\Route;

            Route::get('/users/{id}', [UserController::class, 'show']);
            Route::prefix('admin')->middleware('auth')->group(function () {
                Route::post('reports', 'ReportController@store');
                Route::match(['get', 'post'], 'search', [SearchController::class, 'run']);
            });
            Route::apiResource('photos', PhotoController::class)->only(['index', 'show']);
            """
        #expect(RouteFixtures.routes(code, path: "routes/api.php") == [
            "GET /api/users/{id} show", "POST /api/admin/reports store", "GET,POST /api/admin/search run",
            "GET /api/photos index", "GET /api/photos/{photo} show",
        ])
        #expect(RouteFixtures.routes(code, path: "app/Http/helpers.php").isEmpty, "only route files declare routes")
    }

    @Test func railsRoutes() {
        let code = """
            Rails.application.routes.draw do
              root 'pages#home'
              get 'about', to: 'pages#about'
              namespace :admin do
                resources :users, only: [:index, :show] do
                  member do
                    post :ban
                  end
                end
              end
              resource :profile, only: [:show]
              resources :articles, except: [:new, :edit, :create, :update, :destroy, :index] do
                resources :comments, only: :create
              end
              if Rails.env.development?
                get 'debug' => 'debug#show'
              end
            end
            """
        #expect(RouteFixtures.routes(code, path: "config/routes.rb") == [
            "GET / home", "GET /about about", "GET /admin/users index", "GET /admin/users/{id} show",
            "POST /admin/users/{id}/ban ban", "GET /profile show", "GET /articles/{id} show",
            "POST /articles/{article_id}/comments create", "GET /debug show",
        ])
    }
}
