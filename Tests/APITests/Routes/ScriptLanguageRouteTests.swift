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
                post :publish, on: :member
                get :drafts, on: :collection
                match :verify, on: :member, via: [:get, :post]
              end
              if Rails.env.development?
                get 'debug' => 'debug#show'
              end
            end
            """
        #expect(RouteFixtures.routes(code, path: "config/routes.rb") == [
            "GET / home", "GET /about about", "GET /admin/users index", "GET /admin/users/{id} show",
            "POST /admin/users/{id}/ban ban", "GET /profile show", "GET /articles/{id} show",
            "POST /articles/{article_id}/comments create", "POST /articles/{id}/publish publish",
            "GET /articles/drafts drafts", "GET,POST /articles/{id}/verify verify", "GET /debug show",
        ])
        #expect(RouteFixtures.routes("""
            Rails.application.routes.draw do
              get 'photos/search'
              scope controller: 'api/legacy', action: 'index' do
                put 'api_key/reset'
                get 'gems/:id.json'
              end
            end
            """, path: "config/routes.rb") == ["GET /photos/search search", "PUT /api_key/reset index", "GET /gems/{id} index"])
    }

    @Test func railsControllersSayWhichActionsTheyServe() throws {
        let controller = try #require(RouteFixtures.facts("""
            module Admin
              class TicketsController < Admin::BaseController
                before_action :require_admin

                def index; end

                def create
                  Ticket.create!(ticket_params)
                end

                def self.policy; end

                private def audit; end

                def update; end

                protected

                def ticket_params
                  params.require(:ticket).permit(:title)
                end

                public

                def destroy; end
              end
            end
            """, path: "app/controllers/admin/tickets_controller.rb")?.controller)
        #expect(controller.name == "Admin::TicketsController")
        #expect(controller.superclass == "Admin::BaseController")
        #expect(controller.actions == ["index", "create", "update", "destroy"])
        #expect(!controller.answersAnyAction)
        #expect(RouteFixtures.facts("class Helper\n  def index; end\nend\n", path: "app/models/helper.rb") == nil,
                "only controller files are read")
        #expect(ControllerActions.underscored("HatRequestsController") == "hat_requests_controller")
        #expect(ControllerActions.underscored("APIKeysController") == "api_keys_controller")
    }

    @Test func impliedWriteRoutesNeedTheirControllersAction() throws {
        func files(_ sources: [String: String]) throws -> [RouteFileFacts] {
            try sources.sorted { $0.key < $1.key }.map { path, code in try #require(RouteFixtures.facts(code, path: path), "\(path)") }
        }
        let routes = """
            Rails.application.routes.draw do
              resources :tickets, except: [:edit]
              namespace :admin do
                resources :notes, only: [:create, :destroy]
              end
              resources :gems, only: [:create]
              resource :profile, only: [:update]
            end
            """
        let facts = try files([
            "config/routes.rb": routes,
            "app/controllers/application_controller.rb": "class ApplicationController < ActionController::Base\n  include Pagination\n  def current_user; end\nend\n",
            "app/controllers/tickets_controller.rb": "class TicketsController < ApplicationController\n  def index; end\n  def create; end\n  private\n  def destroy; end\nend\n",
            "app/controllers/admin/base_controller.rb": "module Admin\n  class BaseController < ApplicationController\n    def destroy; end\n  end\nend\n",
            "app/controllers/admin/notes_controller.rb": "class Admin::NotesController < BaseController\nend\n",
            "app/controllers/gems_controller.rb": "class GemsController < InheritedResources::Base\nend\n",
            "app/controllers/profiles_controller.rb": "class ProfilesController < ApplicationController\n  def method_missing(name, *args); end\nend\n",
        ])
        let served = RouteResolver.resolve(facts).map { "\($0.route.methods.joined(separator: ",")) \($0.path) \($0.route.handler ?? "-")" }
        #expect(served == [
            // GET actions may render a template without a method; a private method is no action.
            "GET /tickets index", "POST /tickets create", "GET /tickets/new new", "GET /tickets/{id} show",
            // The superclass in the enclosing module defines destroy; nothing defines create.
            "DELETE /admin/notes/{id} destroy",
            // A gem's base class and `method_missing` may serve anything.
            "POST /gems create", "PATCH,PUT /profile update",
        ], "\(served)")
        // Without the controllers' files nothing is known, and every implied route stands.
        #expect(RouteResolver.resolve(try files(["config/routes.rb": routes])).count == 10)
    }
}
